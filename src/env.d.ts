/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** Set by the lesson page so MDX components (<Check>, <Reflect>) know their module. */
    moduleId?: string;
  }
}
