"use client";
// The form in four parts, in the order people think through an incident. What most incidents leave
// empty (the timeline, the resolution, follow-up) is folded away until it holds something.
import type { PlaybookOption } from "../incident-form";
import type { FormEdit } from "./form-edit";
import { FollowUpFieldset } from "./follow-up-fieldset";
import { FormGroup } from "./form-group";
import { LearningsFieldset } from "./learnings-fieldset";
import { LinksFieldset } from "./links-fieldset";
import { OptionalPart } from "./optional-part";
import type { PickerOption } from "./picker-match";
import { ResolutionFieldset } from "./resolution-fieldset";
import { RootCausesFieldset } from "./root-causes-fieldset";
import { SymptomsFieldset } from "./symptoms-fieldset";
import { TimelineFieldset } from "./timeline-fieldset";
import { WhatHappened } from "./what-happened";

interface Props {
  edit: FormEdit;
  playbooks: PlaybookOption[];
  runs: PickerOption[];
}

/** "Optional", or how many it holds: "3 entries". */
export function countNote(count: number, one: string, many: string): string {
  return count === 0 ? "optional" : `${count} ${count === 1 ? one : many}`;
}

export function FormSections({ edit, playbooks, runs }: Props) {
  const { state, errorsUnder } = edit;
  const has = (path: string) => errorsUnder(path).length > 0;
  return (
    <>
      <FormGroup id="what-happened" title="What happened">
        <WhatHappened edit={edit} />
        <SymptomsFieldset edit={edit} />
        <OptionalPart
          title="Timeline"
          note={countNote(state.timeline.length, "entry", "entries")}
          filled={state.timeline.length > 0}
          hasErrors={has("timeline")}
        >
          <TimelineFieldset edit={edit} />
        </OptionalPart>
      </FormGroup>
      <FormGroup id="cause-and-fix" title="Cause and fix">
        <RootCausesFieldset edit={edit} />
        <OptionalPart
          title="Resolution"
          note={state.resolution.trim() ? "written" : "optional"}
          filled={state.resolution.trim() !== ""}
          hasErrors={has("resolution")}
        >
          <ResolutionFieldset edit={edit} />
        </OptionalPart>
      </FormGroup>
      <FormGroup id="links" title="Links">
        <LinksFieldset edit={edit} playbooks={playbooks} runs={runs} />
      </FormGroup>
      <FormGroup id="learnings" title="Learnings">
        <LearningsFieldset edit={edit} playbooks={playbooks} />
        <OptionalPart
          title="Follow-up"
          note={countNote(state.actionItems.length, "action item", "action items")}
          filled={state.actionItems.length > 0}
          hasErrors={has("actionItems")}
        >
          <FollowUpFieldset edit={edit} />
        </OptionalPart>
      </FormGroup>
    </>
  );
}
