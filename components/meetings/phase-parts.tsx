"use client";

// Parts of the meeting page that only some viewers in some phases see: joining, the facilitator's
// set-up (link, date, cancel), the recap order and the next-paper suggestions. Each is its own
// chunk, rendered on the server when shown and preloaded from the page's head, so a reader who has
// joined loads and hydrates only the countdown, the board and the form.
import dynamic from "next/dynamic";

export const JoinMeetingForm = dynamic(() =>
  import("./join-meeting-form").then((m) => m.JoinMeetingForm),
);
export const MeetingLink = dynamic(() => import("./meeting-link").then((m) => m.MeetingLink));
export const EditMeeting = dynamic(() => import("./edit-meeting").then((m) => m.EditMeeting));
export const DeleteMeeting = dynamic(() => import("./delete-meeting").then((m) => m.DeleteMeeting));
export const OrderEditor = dynamic(() =>
  import("@/components/recap/order-editor").then((m) => m.OrderEditor),
);
export const QueueSuggestions = dynamic(() =>
  import("@/components/queue/suggestions").then((m) => m.QueueSuggestions),
);
