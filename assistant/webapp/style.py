"""The few styles the pages add to Streamlit's: marks in passages, source cards, unsupported sentences."""

CSS = """
<style>
mark.imvo-cited { background: #fde68a; color: inherit; padding: 0 .1em; border-radius: 2px; }
mark.imvo-here { background: #e0f2fe; color: inherit; padding: 0 .1em; }
span.imvo-term { font-weight: 600; text-decoration: underline; text-decoration-color: #f59e0b;
  text-decoration-thickness: 2px; }
span.imvo-page { display: inline-block; margin: .2em .3em; padding: 0 .45em; font-size: .75em;
  color: #475569; border: 1px solid #cbd5e1; border-radius: 8px; background: #f8fafc; }
span.imvo-unsupported { color: #6b7280; background: #f3f4f6; border-bottom: 1px dotted #9ca3af; cursor: help; }
a.imvo-ref { text-decoration: none; font-weight: 600; }
div.imvo-source { scroll-margin-top: 4.5rem; padding: .1rem .2rem; border-radius: 6px; }
div.imvo-source:target { outline: 3px solid #f59e0b; outline-offset: 4px; }
div.imvo-source-title { font-weight: 600; line-height: 1.3; }
span.imvo-n { color: #b45309; }
div.imvo-meta, div.imvo-file, div.imvo-refs { font-size: .8em; color: #64748b; margin: .1rem 0 .3rem; }
div.imvo-passage, div.imvo-doctext { font-size: .9em; line-height: 1.5; }
div.imvo-warn { font-size: .8em; color: #92400e; }
</style>
"""
