"use client";

import { useState, type DragEvent, type ReactNode, type Ref } from "react";

type Props = {
  onFile: (file: File) => void;
  disabled?: boolean;
  /** Under the button: limits and format. */
  hint?: ReactNode;
  children?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
  /** The file input's `accept`; CSV by default. */
  accept?: string;
  /** What the file is called in the labels ("CSV file" by default, e.g. "JSON file"). */
  fileLabel?: string;
};

/** A drop zone for one file (CSV unless told otherwise), with a real file input behind the button (keyboard and screen readers). */
export function CsvFilePicker({ onFile, disabled, hint, children, inputRef, accept = ".csv,text/csv,text/plain", fileLabel = "CSV file" }: Props) {
  const [dragging, setDragging] = useState(false);

  function over(event: DragEvent<HTMLDivElement>) {
    if (disabled || !event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  }

  function leave(event: DragEvent<HTMLDivElement>) {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  return (
    <div
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={leave}
      onDrop={drop}
      className={`flex flex-col items-center justify-center rounded-md border-2 border-dashed px-6 py-10 text-center transition-colors ${
        dragging ? "border-accent-500 bg-accent-50" : "border-slate-300 bg-slate-50/60"
      }`}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-8 w-8 text-slate-400" fill="none" stroke="currentColor" strokeWidth={1.5}>
        <path strokeLinecap="round" strokeLinejoin="round" d="M12 16V4m0 0-4 4m4-4 4 4M4 16v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
      </svg>
      <p className="mt-3 text-sm text-slate-700">{dragging ? "Drop the file to check it" : `Drag a ${fileLabel} here, or`}</p>
      <label
        className={`mt-3 inline-flex h-9 cursor-pointer items-center rounded-md bg-accent-600 px-3.5 text-sm font-medium text-white hover:bg-accent-700 focus-within:outline-none focus-within:ring-2 focus-within:ring-accent-500 focus-within:ring-offset-2 ${
          disabled ? "pointer-events-none opacity-60" : ""
        }`}
      >
        Choose a {fileLabel}
        <input
          ref={inputRef}
          type="file"
          accept={accept}
          className="sr-only"
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            // Cleared so that choosing the same file again (after fixing it) reads it again.
            event.target.value = "";
            if (file) onFile(file);
          }}
        />
      </label>
      {hint ? <p className="mt-3 max-w-md text-xs text-slate-500">{hint}</p> : null}
      {children ? <div className="mt-4 w-full max-w-xl text-left">{children}</div> : null}
    </div>
  );
}
