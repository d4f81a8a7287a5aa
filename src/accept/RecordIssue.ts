import type { RecordIssue, RecordIssueCode } from '../types.js';

export type { RecordIssue, RecordIssueCode } from '../types.js';

/** The text of an issue as reject `reasons` carry it: `path: message`, or the message alone. */
export function issueText(issue: RecordIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** An issue of the whole row or record. */
export function rowIssue(code: RecordIssueCode, message: string): RecordIssue {
  return { code, path: '', message };
}

/** The issue of a record whose id was seen before in the run (the first occurrence wins). */
export function duplicateIdIssue(id: string): RecordIssue {
  return { code: 'duplicate_id', path: '', message: `duplicate id "${id}"` };
}
