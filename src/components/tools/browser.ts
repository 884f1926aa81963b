/**
 * Small browser helpers shared by the islands that hand data to the learner: downloads and
 * copying. Nothing here sends anything anywhere.
 */

/** Offers text as a file download; the object URL is released once the click has started it. */
export function download(text: string, fileName: string, type = 'application/json') {
  const blob = new Blob([text], { type });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/**
 * Copies text. The Clipboard API needs a secure context and permission; when it is missing
 * or refused, the caller gets false and tells the learner to copy by hand (the text is on screen).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** A mailto: link; every part is encoded, so names and notes cannot add headers. */
export function mailtoHref(subject: string, body: string, to = ''): string {
  return `mailto:${encodeURIComponent(to)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
