// Dates on incident pages are UTC, so everyone on a call reads the same time; lib/format holds them.
export { formatDay, formatTime } from "@/lib/format/dates";
