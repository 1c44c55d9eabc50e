export * from "./enums";
export * from "./master";
export * from "./users";
export * from "./meetings";
export * from "./actions";
export * from "./audit";
export * from "./relations";
export * from "./trend";
