#!/bin/sh
# Imports an iCalendar file into a real calendar client, khal (Debian's khal), in a calendar of
# its own under a temporary folder, and prints what khal then lists from 2000 on: one line per
# event, "<start> <title>". Exits non-zero when khal refuses the file.
#   khal_import.sh FILE.ics
set -eu
file=$1
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/calendar"
cat > "$home/config" <<CONFIG
[calendars]
[[feed]]
path = $home/calendar
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/Istanbul
default_timezone = Europe/Istanbul
CONFIG
export HOME="$home" XDG_DATA_HOME="$home/data" XDG_CACHE_HOME="$home/cache"
khal -c "$home/config" import --batch -a feed "$file" >&2
khal -c "$home/config" list --once --format '{start} {title}' --day-format '' 2000-01-01 36500d
