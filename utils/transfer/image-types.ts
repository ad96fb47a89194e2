/** File extensions for stored image types (the saver keeps any image/* a site sent; unknown ones get `.img`). */
const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif', 'image/svg+xml': 'svg',
};

export function imageExtension(type: string): string {
  return EXTENSIONS[type] ?? 'img';
}
