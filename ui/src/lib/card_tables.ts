// Every data table reads as cards on a phone: the CSS below the breakpoint stacks each row into a
// card and shows each cell's column name before it, taken from the `data-label` this module keeps
// on every cell of every `table.data-table` (from the header cell of its column). One observer of
// the app serves every screen, present and future, and follows language changes, since a header's
// text changes with the language.
const TABLE = 'table.data-table'

function labelTable(table: HTMLTableElement): void {
  const head = table.tHead?.rows[0]
  if (!head) return
  const names: string[] = []
  for (const cell of Array.from(head.cells)) {
    const name = (cell.textContent ?? '').replace(/\s+/g, ' ').trim()
    for (let i = 0; i < cell.colSpan; i++) names.push(name)
  }
  for (const body of Array.from(table.tBodies)) {
    for (const row of Array.from(body.rows)) {
      let column = 0
      for (const cell of Array.from(row.cells)) {
        const name = cell.colSpan > 1 ? '' : (names[column] ?? '')
        if (name && cell.tagName === 'TD') {
          if (cell.dataset.label !== name) cell.dataset.label = name
        } else if (cell.dataset.label !== undefined) {
          delete cell.dataset.label
        }
        column += cell.colSpan
      }
    }
  }
}

/** Keeps the column names on the cells of every data table under `root`, as it changes. */
export function watchCardTables(root: HTMLElement): void {
  let queued = false
  const run = () => {
    queued = false
    root.querySelectorAll<HTMLTableElement>(TABLE).forEach(labelTable)
  }
  const observer = new MutationObserver((records) => {
    // Our own attribute writes are not observed (no `attributes`), so this never loops.
    if (queued || !records.length) return
    queued = true
    requestAnimationFrame(run)
  })
  observer.observe(root, { childList: true, subtree: true, characterData: true })
  run()
}
