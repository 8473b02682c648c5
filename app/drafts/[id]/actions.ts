"use server";
// The review page's buttons. formAction checks the role before it reads the form and validates it
// with zod; the business functions check the editor permission and the review rules themselves,
// and their refusals come back as the form's message.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type * as z from "zod";
import { formAction } from "@/lib/actions/action-client";
import { describeIssues } from "@/lib/auth/user-input";
import { deleteDraft } from "@/lib/drafts/delete-draft";
import { DraftError } from "@/lib/drafts/draft-error";
import { approveDraftInput, draftIdInput, rejectDraftInput, updateDraftInput } from "@/lib/drafts/draft-input";
import { publishDraft } from "@/lib/drafts/publish-draft";
import { approveDraft, rejectDraft } from "@/lib/drafts/review-draft";
import { updateDraft } from "@/lib/drafts/update-draft";

export type DraftActionState = { ok: boolean; message: string } | null;

const invalid = (error: z.ZodError): DraftActionState => ({ ok: false, message: describeIssues(error) });

/** A refusal becomes the form's message; anything else is a fault and goes to the error page. */
async function attempt(draftId: string, work: () => Promise<string>): Promise<DraftActionState> {
  try {
    const message = await work();
    revalidatePath(`/drafts/${draftId}`);
    revalidatePath("/drafts");
    return { ok: true, message };
  } catch (err) {
    if (err instanceof DraftError) return { ok: false, message: err.message };
    throw err;
  }
}

export const approveDraftAction = formAction(
  { role: "operator", input: approveDraftInput, invalid },
  async ({ user, input }) =>
    attempt(input.draftId, async () => {
      await approveDraft({ draftId: input.draftId, user, note: input.note });
      return "Approved. The author, or any editor, can now publish this version.";
    }),
);

export const rejectDraftAction = formAction(
  { role: "operator", input: rejectDraftInput, invalid },
  async ({ user, input }) =>
    attempt(input.draftId, async () => {
      await rejectDraft({ draftId: input.draftId, user, reason: input.reason });
      return "Rejected. The author sees your reason on this page.";
    }),
);

export const updateDraftAction = formAction(
  { role: "operator", input: updateDraftInput, invalid },
  async ({ user, input }) =>
    attempt(input.draftId, async () => {
      const saved = await updateDraft({ draftId: input.draftId, user, mdx: input.mdx, from: input.from });
      return `Saved as version ${saved.contentHash}. Earlier approvals no longer count.`;
    }),
);

export const publishDraftAction = formAction(
  { role: "operator", input: draftIdInput, invalid },
  async ({ user, input }): Promise<DraftActionState> => {
    let href: string;
    try {
      href = (await publishDraft({ draftId: input.draftId, user })).href;
    } catch (err) {
      if (err instanceof DraftError) return { ok: false, message: err.message };
      throw err;
    }
    revalidatePath("/drafts");
    redirect(href);
  },
);

export const deleteDraftAction = formAction(
  { role: "operator", input: draftIdInput, invalid },
  async ({ user, input }): Promise<DraftActionState> => {
    try {
      await deleteDraft({ draftId: input.draftId, user });
    } catch (err) {
      if (err instanceof DraftError) return { ok: false, message: err.message };
      throw err;
    }
    revalidatePath("/drafts");
    redirect("/drafts");
  },
);
