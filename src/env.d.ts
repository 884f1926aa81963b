/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the lesson page so MDX components (<Check>, <Reflect>) know their module. */
    moduleId?: string;
    /** Set by the first <Check> on a page, which links the question styles for every check on it. */
    checkStylesLinked?: boolean;
    /** True on pages that render their own reference list, so citations link within the page. */
    hasReferenceList?: boolean;
    /** Set by the lesson page so <Reflect> can label journal notes with where they were written. */
    lesson?: { id: string; title: string; moduleTitle: string };
    /** Counts <Term> popovers on a page, so each gets its own id. */
    termCount?: number;
  }
}
