import type { ScenarioIssue } from '../../src/scenario/issues.ts';
import type { FormSpec } from './formModel.ts';
import { formatJsonPath, parseJsonPath } from './jsonPath.ts';

/**
 * Where the forms show a problem: the control (or the card, or the section) whose path is the
 * problem's path or its nearest ancestor. Pure, so it is tested in Node.
 */

/** A problem placed in the forms: the anchor it shows at, and the part of its path below the anchor. */
export interface IssuePlace {
  /** the problem path of a field, a card (`lanes[0]`) or a section (`lanes`) */
  anchor: string;
  /** the rest of the problem's path, shown before its message (`leadTime.values[1]`); "" when exact */
  rest: string;
}

/** Every problem path the form has a place for: sections, cards, fields and the fields' aliases. */
export function formAnchors(form: FormSpec): Set<string> {
  const anchors = new Set<string>();
  for (const section of form.sections) {
    anchors.add(section.key);
    for (const group of section.groups) {
      anchors.add(group.key);
      for (const field of group.fields) {
        anchors.add(field.key);
        for (const alias of field.aliases) anchors.add(alias);
      }
    }
  }
  return anchors;
}

/**
 * The form place for a problem path (`lanes[2].leadTime.mean`): the anchor of that exact path, or
 * else of its nearest ancestor (`lanes[2].leadTime.values[1]` shows on the lead time's type select,
 * `stockPoints[3]` on the stock point's card). Null when the form has no place for it: a JSON syntax
 * error (`(file)`), or a part the forms do not show (`disruptions[0].node`); those are listed in the
 * JSON view and the summary banner. The ancestor search stops below the root, so a problem in an
 * unshown top-level field never lands on the scenario settings.
 */
export function fieldForIssue(issuePath: string, anchors: ReadonlySet<string>): IssuePlace | null {
  if (anchors.has(issuePath)) return { anchor: issuePath, rest: '' };
  const segments = parseJsonPath(issuePath);
  if (segments === null) return null;
  for (let length = segments.length - 1; length >= 1; length--) {
    const anchor = formatJsonPath(segments.slice(0, length));
    if (anchors.has(anchor)) return { anchor, rest: issuePath.slice(anchor.length).replace(/^\./, '') };
  }
  return null;
}

/** Problems split into those the forms show (with their place) and those they cannot. */
export function placeIssues(
  issues: ReadonlyArray<ScenarioIssue>,
  anchors: ReadonlySet<string>,
): { placed: Array<{ issue: ScenarioIssue; place: IssuePlace }>; unplaced: ScenarioIssue[] } {
  const placed: Array<{ issue: ScenarioIssue; place: IssuePlace }> = [];
  const unplaced: ScenarioIssue[] = [];
  for (const issue of issues) {
    const place = fieldForIssue(issue.path, anchors);
    if (place) placed.push({ issue, place });
    else unplaced.push(issue);
  }
  return { placed, unplaced };
}
