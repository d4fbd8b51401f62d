// A reason the build cannot start, with the fix to show next to it. Browsing never needs
// docker, so only the build path raises these.

export class PreflightError extends Error {
	readonly fix: string;
	constructor(problem: string, fix: string) {
		super(problem);
		this.name = 'PreflightError';
		this.fix = fix;
	}
}
