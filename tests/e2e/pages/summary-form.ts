// The reader's summary form on the meeting page: answers by their visible label, the save status,
// conflicts and the closed-meeting notice.
import { expect, type Locator, type Page } from "@playwright/test";

export class SummaryForm {
  constructor(readonly page: Page) {}

  /** An answer's box, by the question as the user sees it ("What is it?", "どんなもの？"). */
  answer(label: string): Locator {
    return this.page.getByRole("textbox", { name: label, exact: true });
  }

  get status(): Locator {
    return this.page.getByTestId("save-status");
  }

  /** Waits until everything typed is saved (in any language). */
  async saved(options: { timeout?: number } = {}): Promise<void> {
    await expect(this.status).toHaveAttribute("data-status", "saved", options);
  }

  conflict(field: string): Locator {
    return this.page.getByTestId(`conflict-${field}`);
  }

  get closedNotice(): Locator {
    return this.page.getByTestId("closed-notice");
  }

  late(field: string): Locator {
    return this.page.getByTestId(`late-${field}`);
  }
}
