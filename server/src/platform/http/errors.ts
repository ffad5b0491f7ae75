/**
 * Application errors: each carries an HTTP status and a stable `code` that the web app translates.
 * Every failure leaves the API as `{ error: { code, message } }`.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, 'validation_failed', message, details);
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first.') {
    super(401, 'unauthenticated', message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this.', code = 'forbidden') {
    super(403, code, message);
  }
}
export class NotFoundError extends AppError {
  constructor(what = 'The item') {
    super(404, 'not_found', `${what} was not found.`);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, code = 'conflict') {
    super(409, code, message);
  }
}
/** A rule of the manual refuses the action; the message names the article. */
export class RuleViolationError extends AppError {
  constructor(
    message: string,
    readonly article: string,
    code = 'rule_violation',
  ) {
    super(422, code, message, { article });
  }
}
