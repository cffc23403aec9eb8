// The phone remote (…/remote) the facilitator drives the presenter screen with.
import type { Locator, Page } from "@playwright/test";

export class RecapRemote {
  constructor(readonly page: Page) {}

  async goto(locale: "en" | "ja", meetingPath: string): Promise<this> {
    await this.page.goto(`/${locale}${meetingPath}/remote`);
    return this;
  }

  get root(): Locator {
    return this.page.getByTestId("recap-remote");
  }

  get presenter(): Locator {
    return this.page.getByTestId("remote-presenter");
  }

  get timer(): Locator {
    return this.page.getByTestId("remote-timer");
  }

  button(name: string | RegExp): Locator {
    return this.root.getByRole("button", { name });
  }

  get alert(): Locator {
    return this.root.getByRole("alert");
  }
}
