// The presenter screen (…/recap): one reader at a time, driven by the keyboard.
import type { Locator, Page } from "@playwright/test";

export class RecapScreen {
  constructor(readonly page: Page) {}

  async goto(locale: "en" | "ja", meetingPath: string): Promise<this> {
    await this.page.goto(`/${locale}${meetingPath}/recap`);
    return this;
  }

  get presenter(): Locator {
    return this.page.getByTestId("presenter-name");
  }

  get progress(): Locator {
    return this.page.getByTestId("recap-progress");
  }

  get slide(): Locator {
    return this.page.getByTestId("recap-slide");
  }

  get nextUp(): Locator {
    return this.page.getByTestId("next-up");
  }

  get timer(): Locator {
    return this.page.getByTestId("presenter-timer");
  }

  get closingSlide(): Locator {
    return this.page.getByTestId("closing-slide");
  }

  /** Presses keys as a presentation clicker or keyboard would. */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }
}
