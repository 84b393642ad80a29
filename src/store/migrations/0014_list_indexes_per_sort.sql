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
-- The live commitments by due date (the index by due date that includes archived ones starts with
-- the date, so under the server's statistics the planner preferred another and sorted them all).
CREATE INDEX commitments_live_due ON commitments (archived, due_date, id, version);
-- Filters on a reference find their few records by an index, not by testing every row.
CREATE INDEX commitments_home_owner ON commitments (home_owner_id);
CREATE INDEX commitments_partner_owner ON commitments (partner_owner_id);
CREATE INDEX meetings_city ON meetings (city_id);
CREATE INDEX events_city ON events (city_id);
CREATE INDEX cities_created_by ON cities (created_by);
CREATE INDEX partnerships_created_by ON partnerships (created_by);
CREATE INDEX organizations_created_by ON organizations (created_by);
CREATE INDEX people_created_by ON people (created_by);
CREATE INDEX meetings_created_by ON meetings (created_by);
CREATE INDEX commitments_created_by ON commitments (created_by);
CREATE INDEX events_created_by ON events (created_by);
CREATE INDEX glossary_created_by ON glossary (created_by);
