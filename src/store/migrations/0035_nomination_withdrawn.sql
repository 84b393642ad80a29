-- A later allocation run of a call withdraws the nominations of an earlier run that it no longer
-- makes (the student left, or moved to a better choice), with the reason the host reads
-- (api/exchange_nominations.cpp): the status `withdrawn` joins sent, accepted and rejected.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
'OR status = ''rejected'')',
'OR status = ''rejected'' OR status = ''withdrawn'')')
WHERE type = 'table' AND name = 'exchange_nominations';
PRAGMA writable_schema = RESET;
