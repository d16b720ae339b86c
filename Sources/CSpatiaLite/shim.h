#include <sqlite3.h>
#include <spatialite.h>

/// Turns SQLite's memory statistics off, so that allocations take no global
/// mutex; only before SQLite is first used in the process (it is then
/// SQLITE_MISUSE and changes nothing).
static inline int landreg_sqlite3_memstatus_off(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
