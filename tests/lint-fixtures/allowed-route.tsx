// lint-as: app/routes/fixture.tsx
import { listMeetings } from "~/models/meeting-list.server";
import { StatusBadge } from "~/components/actions/StatusBadge";
import { meetingFormSchema } from "~/schemas/meeting";
import { ACTION_STATUSES } from "~/domain/vocabulary";

export const fixture = [listMeetings, StatusBadge, meetingFormSchema, ACTION_STATUSES];
