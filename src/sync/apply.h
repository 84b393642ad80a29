// Applies one page of a peer's change feed (docs/FEDERATION.md, "Sync") to the local database:
// upserts as replicas owned by the record's instance, tombstones as deletions that leave only
// the id. Idempotent: a record at or below the version held here, or below a tombstone's, is
// skipped, so duplicates and pages read again change nothing.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "base/time.h"
#include "files/blob_store.h"
#include "store/db.h"
#include "store/federation.h"

namespace amity::sync {

struct Applied {
  long long next = 0;     // the cursor after this page
  bool has_more = false;  // the feed has more after `next`
  long long records = 0;  // records and tombstones that changed something here
};

// Checks that `page` is a feed page of `peer` read after `cursor`, and applies it in one
// transaction together with the new cursor (so a stop part-way leaves the cursor where the
// applied records are). Throws std::runtime_error, naming what is wrong and changing nothing,
// on a page that is not a feed page (the caller backs off), and DbError on content the tables
// refuse. A record's `files` make its replica's files exactly those (docs/FEDERATION.md,
// "Files"); each blob they name must be in `blobs` already (sync/blobs.h fetches them first),
// else the page is refused as a whole.
Applied ApplyFeedPage(store::Db& db, const store::Peer& peer, const std::string& own_instance_id,
                      long long cursor, const boost::json::value& page, Instant now,
                      const files::BlobStore& blobs);

}  // namespace amity::sync
