-- One index per documented sort of every list: (archived, <sort>, id, version) walks the live
-- records in the list's order (sort, then id) and answers a cursor's "(sort, id) > (?, ?)" as a
-- range, carrying the version the record cache is checked by. Without them these lists sorted
-- every live record for each page (a temporary B-tree), whose cost grows with the table.
-- Filtered lists walk the same index and test the filter on the way (tests/list_plan_test.cpp).
CREATE INDEX commitments_live_updated ON commitments (archived, updated_at, id, version);
CREATE INDEX commitments_live_status ON commitments (archived, status, id, version);
CREATE INDEX commitments_live_area ON commitments (archived, area, id, version);
CREATE INDEX events_live_created ON events (archived, created_at, id, version);
CREATE INDEX events_live_updated ON events (archived, updated_at, id, version);
CREATE INDEX events_live_status ON events (archived, status, id, version);
CREATE INDEX meetings_live_created ON meetings (archived, created_at, id, version);
CREATE INDEX meetings_live_updated ON meetings (archived, updated_at, id, version);
CREATE INDEX partnerships_live_created ON partnerships (archived, created_at, id, version);
CREATE INDEX partnerships_live_updated ON partnerships (archived, updated_at, id, version);
CREATE INDEX partnerships_live_status ON partnerships (archived, status, id, version);
CREATE INDEX partnerships_live_tier ON partnerships (archived, tier, id, version);
CREATE INDEX people_live_created ON people (archived, created_at, id, version);
CREATE INDEX people_live_updated ON people (archived, updated_at, id, version);
CREATE INDEX people_live_latin ON people (archived, latin_name, id, version);
CREATE INDEX cities_live_created ON cities (archived, created_at, id, version);
CREATE INDEX cities_live_updated ON cities (archived, updated_at, id, version);
CREATE INDEX cities_live_country ON cities (archived, country, id, version);
CREATE INDEX organizations_live_created ON organizations (archived, created_at, id, version);
CREATE INDEX organizations_live_updated ON organizations (archived, updated_at, id, version);
CREATE INDEX organizations_live_kind ON organizations (archived, kind, id, version);
CREATE INDEX glossary_live_created ON glossary (archived, created_at, id, version);
CREATE INDEX glossary_live_updated ON glossary (archived, updated_at, id, version);
CREATE INDEX glossary_live_kind ON glossary (archived, kind, id, version);
