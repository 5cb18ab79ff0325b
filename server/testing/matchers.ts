/**
 * Vitest's asymmetric matchers, typed `unknown` instead of `any`: an expected shape that holds
 * one stays typed (no unsafe `any` in the object literal), and the value only says "something
 * that matches". Use them inside expected objects; a bare `expect.x()` argument needs none.
 */
import { expect } from "vitest";

export const stringContaining = (text: string): unknown => expect.stringContaining(text);
export const stringMatching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
export const anyInstanceOf = (type: NumberConstructor | StringConstructor | BooleanConstructor): unknown =>
  expect.any(type);
export const anything = (): unknown => expect.anything();
export const objectContaining = (shape: Record<string, unknown>): unknown => expect.objectContaining(shape);
