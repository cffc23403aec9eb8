/** The feed's path, and its webcal:// twin that calendar apps open as a subscription. */
export function calendarFeedPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

export function webcalUrl(httpUrl: string): string {
  return httpUrl.replace(/^https?:\/\//, "webcal://");
}
