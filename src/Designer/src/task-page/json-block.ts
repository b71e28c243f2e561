/**
 * Reads JSON the host embedded in the page as `<script type="application/json" id="…">`: the host writes it with
 * `<`, `>` and `&` escaped, so case data can never close the element. A missing or empty block gives `fallback`.
 */
export function readJsonBlock<T>(document: Pick<Document, 'getElementById'>, id: string, fallback: T): T {
  const text = document.getElementById(id)?.textContent?.trim();
  return text ? (JSON.parse(text) as T) : fallback;
}
