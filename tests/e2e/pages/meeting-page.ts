// The meeting page as a reader or facilitator sees it: phase, the reader's countdown, the live
// board, joining with a paper, the facilitator's controls, and the summary form below.
import { expect, type Locator, type Page } from "@playwright/test";
import { SummaryForm } from "./summary-form";

export class MeetingPage {
  readonly summary: SummaryForm;

  constructor(readonly page: Page) {
    this.summary = new SummaryForm(page);
  }

  async goto(locale: "en" | "ja", path: string): Promise<this> {
    await this.page.goto(`/${locale}${path}`);
    return this;
  }

  get phase(): Locator {
    return this.page.getByTestId("phase");
  }

  get timeLeft(): Locator {
    return this.page.getByTestId("time-left");
  }

  get timerStatus(): Locator {
    return this.page.getByTestId("timer-status");
  }

  get timerAlert(): Locator {
    return this.page.getByTestId("timer-alert");
  }

  get board(): Locator {
    return this.page.getByTestId("board");
  }

  /** The countdown shows digits (the clock has been measured against the server's). */
  async timeShown(): Promise<void> {
    await expect(this.timeLeft).toHaveText(/^\+?\d\d:\d\d$/);
  }

  /** Joins the meeting as a reader with a paper title (English UI). */
  async joinWithPaper(title: string): Promise<void> {
    await this.page.getByLabel("Paper title").fill(title);
    await this.page.getByRole("button", { name: "Join as a reader" }).click();
  }

  /** A facilitator's phase button (English UI); accepts the confirmation dialog it may open. */
  async facilitate(
    button: "Close meeting" | "Reopen the meeting" | "Move to recap",
  ): Promise<void> {
    this.page.once("dialog", (d) => void d.accept());
    await this.page.getByRole("button", { name: button }).click();
  }
}
