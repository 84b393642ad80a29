-- Enumerated columns are checked with OR chains instead of IN lists. SQLite evaluates a CHECK
-- (x IN ('a', 'b', 'c', ...)) of three or more constants by building a temporary index of the
-- list each time an INSERT or UPDATE statement runs: five of them cost a POST of a commitment
-- about 9 µs. The OR chain accepts exactly the same values without that.
--
-- A CHECK constraint changes no stored data, so this follows the ALTER TABLE documentation's
-- procedure for changing constraints in place: edit the table's SQL in sqlite_schema, then
-- reload the schema (RESET). The migration runner raises the schema version, so connections
-- already open reread the schema too.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (kind IN (''login'', ''login_failed'', ''login_locked'', ''logout'',
                                     ''user_created'', ''role_changed'', ''user_disabled'',
                                     ''user_enabled'', ''password_changed'', ''token_created'',
                                     ''token_revoked'', ''partnerships_changed''))',
'CHECK (kind = ''login'' OR kind = ''login_failed'' OR kind = ''login_locked'' OR
    kind = ''logout'' OR kind = ''user_created'' OR kind = ''role_changed'' OR
    kind = ''user_disabled'' OR kind = ''user_enabled'' OR
    kind = ''password_changed'' OR kind = ''token_created'' OR
    kind = ''token_revoked'' OR kind = ''partnerships_changed'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (op IN (''create'', ''update'', ''archive'', ''transition''))',
'CHECK (op = ''create'' OR op = ''update'' OR op = ''archive'' OR op = ''transition'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (visibility IN (''private'', ''shared'', ''public''))',
'CHECK (visibility = ''private'' OR visibility = ''shared'' OR
    visibility = ''public'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (area IN (''technology_ai'', ''education'', ''culture_arts'', ''music'',
                                     ''sports'', ''trade_export'', ''heritage'', ''tourism'',
                                     ''municipal_services'', ''youth'', ''other''))',
'CHECK (area = ''technology_ai'' OR area = ''education'' OR area = ''culture_arts'' OR
    area = ''music'' OR area = ''sports'' OR area = ''trade_export'' OR
    area = ''heritage'' OR area = ''tourism'' OR area = ''municipal_services'' OR
    area = ''youth'' OR area = ''other'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (proposed_by_side IN (''home'', ''partner'', ''both''))',
'CHECK (proposed_by_side = ''home'' OR proposed_by_side = ''partner'' OR
    proposed_by_side = ''both'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (status IN (''proposed'', ''agreed'', ''planned'', ''in_progress'', ''done'',
                                         ''dropped''))',
'CHECK (status = ''proposed'' OR status = ''agreed'' OR status = ''planned'' OR
    status = ''in_progress'' OR status = ''done'' OR status = ''dropped'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (kind IN (''festival'', ''sports'', ''concert'', ''fair'', ''exhibition'',
                                     ''conference'', ''study_visit'', ''other''))',
'CHECK (kind = ''festival'' OR kind = ''sports'' OR kind = ''concert'' OR
    kind = ''fair'' OR kind = ''exhibition'' OR kind = ''conference'' OR
    kind = ''study_visit'' OR kind = ''other'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (status IN (''idea'', ''planned'', ''confirmed'', ''held'', ''cancelled''))',
'CHECK (status = ''idea'' OR status = ''planned'' OR status = ''confirmed'' OR
    status = ''held'' OR status = ''cancelled'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (kind IN (''city'', ''institution'', ''title'', ''festival'', ''heritage_site'',
                                     ''other''))',
'CHECK (kind = ''city'' OR kind = ''institution'' OR kind = ''title'' OR
    kind = ''festival'' OR kind = ''heritage_site'' OR kind = ''other'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (kind IN (''incoming_delegation'', ''outgoing_visit'', ''video_call'',
                                     ''conference'', ''other''))',
'CHECK (kind = ''incoming_delegation'' OR kind = ''outgoing_visit'' OR
    kind = ''video_call'' OR kind = ''conference'' OR kind = ''other'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (kind IN (''municipality'', ''department'', ''university'', ''chamber'',
                                     ''company'', ''orchestra'', ''sports_club'', ''ngo'', ''other''))',
'CHECK (kind = ''municipality'' OR kind = ''department'' OR kind = ''university'' OR
    kind = ''chamber'' OR kind = ''company'' OR kind = ''orchestra'' OR
    kind = ''sports_club'' OR kind = ''ngo'' OR kind = ''other'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (tier IN (''exploring'', ''letter_of_intent'', ''friendship'',
                                     ''sister_city''))',
'CHECK (tier = ''exploring'' OR tier = ''letter_of_intent'' OR
    tier = ''friendship'' OR tier = ''sister_city'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (status IN (''active'', ''dormant'', ''suspended'', ''terminated''))',
'CHECK (status = ''active'' OR status = ''dormant'' OR status = ''suspended'' OR
    status = ''terminated'')')
WHERE type = 'table';
UPDATE sqlite_schema SET sql = replace(sql,
'CHECK (role IN (''admin'', ''officer'', ''contributor'', ''partner'', ''viewer''))',
'CHECK (role = ''admin'' OR role = ''officer'' OR role = ''contributor'' OR
    role = ''partner'' OR role = ''viewer'')')
WHERE type = 'table';
PRAGMA writable_schema = RESET;
