/** The part of a zod error the forms need, without importing zod into the web package. */
interface IssueList {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey> }>;
}

/**
 * Names of the fields that failed validation, for a schema shared with the server.
 * The forms translate each name into their own sentence (zod's messages are English only).
 */
export function invalidFields(error: IssueList): Set<string> {
  const fields = new Set<string>();
  for (const issue of error.issues) {
    const first = issue.path[0];
    if (typeof first === 'string') fields.add(first);
  }
  return fields;
}
