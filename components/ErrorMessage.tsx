/** A failure the user must read: an alert region, announced as soon as it appears. */
import { Icon } from './Icon';

export function ErrorMessage({ message, class: className = '' }: { message: string | null; class?: string }) {
  if (!message) return null;
  return (
    <div
      role="alert"
      class={`flex items-start gap-2.5 rounded-xl border border-danger/30 bg-danger-soft px-3.5 py-3 text-sm leading-snug text-danger ${className}`}
    >
      <Icon name="alert" size={18} class="mt-px shrink-0" />
      <p>{message}</p>
    </div>
  );
}
