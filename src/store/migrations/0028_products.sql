-- Trade promotion (proposal 6: İzmir's products at Harbin's fair): organizations of kind company
-- gain a sector, export markets, certifications and an organizational contact; products are a
-- record of their own (src/domain/resources.cpp), counted, indexed per documented sort and per
-- reference filter like every record.
ALTER TABLE organizations ADD COLUMN sector TEXT;
ALTER TABLE organizations ADD COLUMN export_markets TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(export_markets));
ALTER TABLE organizations ADD COLUMN certifications TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(certifications));
ALTER TABLE organizations ADD COLUMN contact TEXT CHECK (contact IS NULL OR json_valid(contact));
CREATE INDEX organizations_live_sector ON organizations (archived, sector, id, version);

CREATE TABLE products (
  id TEXT NOT NULL PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  instance_id TEXT NOT NULL,
  archived INTEGER NOT NULL DEFAULT 0 CHECK (archived = 0 OR archived = 1),
  company_id TEXT NOT NULL REFERENCES organizations (id),
  name TEXT NOT NULL CHECK (json_valid(name)),
  description TEXT CHECK (description IS NULL OR json_valid(description)),
  hs_code TEXT NOT NULL CHECK (length(hs_code) = 6 AND hs_code NOT GLOB '*[^0-9]*'),
  hs_code_tr TEXT CHECK (hs_code_tr IS NULL OR
    (length(hs_code_tr) = 12 AND substr(hs_code_tr, 1, 6) = hs_code)),
  hs_code_cn TEXT CHECK (hs_code_cn IS NULL OR
    (length(hs_code_cn) = 10 AND substr(hs_code_cn, 1, 6) = hs_code)),
  unit TEXT NOT NULL DEFAULT 'kg',
  minimum_order REAL CHECK (minimum_order IS NULL OR minimum_order >= 0),
  price_min REAL CHECK (price_min IS NULL OR price_min >= 0),
  price_max REAL CHECK (price_max IS NULL OR price_max >= 0),
  currency TEXT CHECK (currency IS NULL OR length(currency) = 3),
  shelf_life_days REAL CHECK (shelf_life_days IS NULL OR shelf_life_days >= 1),
  certifications TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(certifications)),
  markets TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(markets)),
  visibility TEXT NOT NULL DEFAULT 'private'
    CHECK (visibility = 'private' OR visibility = 'shared' OR visibility = 'public'),
  created_by TEXT,
  CHECK (price_min IS NULL OR price_max IS NULL OR price_min <= price_max)
) STRICT;

-- One index per documented sort (as migration 14 does for the other lists).
CREATE INDEX products_live_created ON products (archived, created_at, id, version);
CREATE INDEX products_live_updated ON products (archived, updated_at, id, version);
CREATE INDEX products_live_hs_code ON products (archived, hs_code, id, version);
-- Filters on a reference find their few records by an index.
CREATE INDEX products_company ON products (company_id);
CREATE INDEX products_created_by ON products (created_by);

CREATE TRIGGER products_counted_insert AFTER INSERT ON products BEGIN
  INSERT INTO record_counts (resource, archived, n) VALUES ('products', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER products_counted_archive AFTER UPDATE OF archived ON products
  WHEN OLD.archived <> NEW.archived BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'products' AND archived = OLD.archived;
  INSERT INTO record_counts (resource, archived, n) VALUES ('products', NEW.archived, 1)
    ON CONFLICT (resource, archived) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER products_counted_delete AFTER DELETE ON products BEGIN
  UPDATE record_counts SET n = n - 1 WHERE resource = 'products' AND archived = OLD.archived;
END;
