/** The `Text size` control: A− / A+ step the whole UI's text (the editor and logs included); kept with the workspace. */
import { useWorkbench } from '@/components/store/store-context';
import { DEFAULT_TEXT_SIZE, stepTextSize, textSizeLabel, TEXT_SIZES } from '@/components/workspace/text-size';

export function TextSizeControl() {
  const size = useWorkbench((s) => s.workspace?.layout.textSize ?? DEFAULT_TEXT_SIZE);
  const setTextSize = useWorkbench((s) => s.setTextSize);
  const loaded = useWorkbench((s) => s.workspace !== null);
  return (
    <div role="group" aria-label="Text size" className="text-size">
      <button
        type="button"
        className="button button-quiet text-size-button"
        aria-label="Smaller text"
        title="Smaller text"
        disabled={!loaded || size <= TEXT_SIZES[0]}
        onClick={() => setTextSize(stepTextSize(size, -1))}
      >
        <span aria-hidden="true">A−</span>
      </button>
      <span className="text-size-value" aria-live="polite">
        <span className="sr-only">Text size </span>
        {textSizeLabel(size)}
      </span>
      <button
        type="button"
        className="button button-quiet text-size-button"
        aria-label="Larger text"
        title="Larger text"
        disabled={!loaded || size >= TEXT_SIZES[TEXT_SIZES.length - 1]}
        onClick={() => setTextSize(stepTextSize(size, 1))}
      >
        <span aria-hidden="true">A+</span>
      </button>
    </div>
  );
}
