"""SQL views that Datasette serves and ``pipeline export`` reads.

Every view reads only the current version of each document, so a revised page shows
its newest facts while older versions stay in ``document_versions``.
"""

from __future__ import annotations


def archive_url(document: str, version: str, sentence: str, figure: str = "NULL") -> str:
    """SQL for the link to our archived copy of a version, at the sentence (and figure).

    ``/archive/<document>/<version>?sentence=<id>&figure=<id>#:~:text=…``: the server marks
    the sentence, the text fragment (copied from the live link) scrolls browsers to it.
    """
    return (f"CASE WHEN {sentence} IS NOT NULL THEN '/archive/' || {document} || '/' || {version}"
            f" || '?sentence=' || {sentence} || COALESCE('&figure=' || {figure}, '')"
            f" || COALESCE(SUBSTR(sn.link, INSTR(sn.link, '#')), '') END")


# One row per claim (figure or happening) that belongs to an event. The columns up to
# ``url`` are the long export format, in that order: a contract, add columns after it.
CLAIMS = f"""
SELECT
  e.story_id AS story, e.id AS event_id, e.label AS event, e.kind AS event_kind,
  COALESCE(f.claim_type, h.action) AS claim_type, f.counted AS counted,
  s.name AS source, s.kind AS source_kind, d.published AS published,
  f.value AS value, f.low AS low, f.high AS high, f.unit AS unit, f.approx AS approx,
  f.as_of AS as_of, h.date AS date, f.attributed_to AS attributed_to,
  sn.text AS sentence, d.url AS url,
  sn.link AS link, COALESCE(f.text, h.date_text) AS as_written, s.id AS source_id,
  ec.latest_for_source AS latest_for_source, ec.conservative AS conservative,
  e.counted_group AS counted_group, e.scope AS scope, d.id AS document_id,
  v.id AS version_id, f.id AS figure_id, h.id AS happening_id,
  {archive_url("d.id", "v.id", "sn.id", "f.id")} AS archive_url
FROM event_claims ec
JOIN events e ON e.id = ec.event_id
LEFT JOIN figures f ON f.id = ec.figure_id
LEFT JOIN happenings h ON h.id = ec.happening_id
JOIN document_versions v ON v.id = COALESCE(f.version_id, h.version_id)
JOIN documents d ON d.id = v.document_id AND d.current_version_id = v.id
JOIN sources s ON s.id = d.source_id
LEFT JOIN sentences sn ON sn.id = COALESCE(f.sentence_id, h.sentence_id)
"""

VIEWS: dict[str, str] = {
    "claims": CLAIMS,
    "current_figures": f"""
SELECT f.id, d.story_id, s.name AS source, s.kind AS source_kind, d.url, d.published,
  f.text, f.value, f.low, f.high, f.unit, f.approx, f.counted, f.counted_head, f.predicate,
  f.claim_type, f.as_of, f.attributed_to, f.scope, sn.text AS sentence, sn.link,
  {archive_url("d.id", "f.version_id", "sn.id", "f.id")} AS archive_url
FROM figures f
JOIN documents d ON d.current_version_id = f.version_id
JOIN sources s ON s.id = d.source_id
LEFT JOIN sentences sn ON sn.id = f.sentence_id
""",
    # Full-text search over the sentences of current texts, each with its source (Datasette
    # searches this view through sentences_fts: see fts_table in pipeline/web/metadata.yaml).
    "sentences_by_source": f"""
SELECT sn.id, s.name AS source, s.kind AS source_kind, d.story_id AS story, d.title, sn.text AS sentence,
  d.url, sn.link, {archive_url("d.id", "sn.version_id", "sn.id")} AS archive_url
FROM sentences sn
JOIN documents d ON d.current_version_id = sn.version_id
JOIN sources s ON s.id = d.source_id
""",
    "disagreements": """
SELECT e.story_id AS story, e.id AS event_id, e.label AS event, e.kind, e.claim_type,
  e.low, e.best, e.high, e.spread,
  CASE WHEN e.low > 0 THEN ROUND(e.high / e.low, 2) END AS max_over_min,
  e.n_sources, e.date_start, e.date_end
FROM events e
WHERE e.n_sources >= 2
ORDER BY (e.kind = 'figure') DESC, max_over_min DESC, e.spread DESC
""",
    "timeline_by_source": f"""
SELECT d.story_id AS story, s.name AS source, s.kind AS source_kind, h.date, h.date_end,
  h.label AS happening, h.date_text AS as_written, sn.text AS sentence, sn.link, d.url,
  {archive_url("d.id", "h.version_id", "sn.id")} AS archive_url,
  (SELECT ec.event_id FROM event_claims ec WHERE ec.happening_id = h.id) AS event_id
FROM happenings h
JOIN documents d ON d.current_version_id = h.version_id
JOIN sources s ON s.id = d.source_id
LEFT JOIN sentences sn ON sn.id = h.sentence_id
ORDER BY h.date, s.name
""",
    "first_reports": """
SELECT story, event_id, event, source, source_kind, MIN(published) AS first_published,
  MIN(COALESCE(as_of, date)) AS earliest_as_of, COUNT(*) AS claims,
  CASE WHEN MIN(published) = MIN(MIN(published)) OVER (PARTITION BY event_id) THEN 'first' ELSE '' END AS first
FROM claims
GROUP BY event_id, source_id
ORDER BY event_id, first_published, source
""",
    "gaps": """
SELECT e.story_id AS story, e.id AS event_id, e.label AS event, s.name AS source, s.kind AS source_kind,
  CASE WHEN EXISTS (SELECT 1 FROM claims c WHERE c.event_id = e.id AND c.source_id = s.id)
       THEN 'reports' ELSE 'no claim found' END AS coverage
FROM events e
JOIN sources s ON s.story_id = e.story_id
WHERE e.n_sources >= 2
  AND EXISTS (SELECT 1 FROM documents d WHERE d.source_id = s.id AND d.current_version_id IS NOT NULL)
ORDER BY e.label, s.name
""",
    "what_changed": """
SELECT c.detected_at, d.story_id AS story, s.name AS source, d.url, d.title, c.kind, c.change, c.summary,
  c.claim_type, c.counted, c.old_value, c.new_value, c.old_text, c.new_text, c.as_of,
  c.old_version_id, c.new_version_id
FROM fact_changes c
JOIN documents d ON d.id = c.document_id
JOIN sources s ON s.id = d.source_id
ORDER BY c.detected_at DESC, c.id
""",
    "article_history": """
SELECT d.id AS document_id, d.url, s.name AS source, v.id AS version_id, v.first_seen, v.last_seen,
  v.id = d.current_version_id AS is_current, d.status, v.title, LENGTH(v.text) AS characters,
  (SELECT COUNT(*) FROM fact_changes c WHERE c.new_version_id = v.id) AS fact_changes, v.diff
FROM document_versions v
JOIN documents d ON d.id = v.document_id
JOIN sources s ON s.id = d.source_id
ORDER BY d.url, v.first_seen
""",
    "source_health": """
SELECT s.story_id AS story, s.id AS source_id, s.name AS source, s.kind,
  COUNT(d.id) AS documents,
  SUM(d.current_version_id IS NOT NULL) AS with_text,
  MAX(d.last_success) AS last_success,
  MAX(COALESCE(d.consecutive_failures, 0)) AS consecutive_failures,
  GROUP_CONCAT(DISTINCT d.last_error) AS last_errors
FROM sources s
LEFT JOIN documents d ON d.source_id = s.id
GROUP BY s.id
ORDER BY consecutive_failures DESC, s.name
""",
}
