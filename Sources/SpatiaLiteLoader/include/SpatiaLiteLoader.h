#ifndef LANDREG_SPATIALITE_LOADER_H
#define LANDREG_SPATIALITE_LOADER_H

struct sqlite3;

/// SpatiaLite is loaded when a connection first needs its SQL functions,
/// not when the process starts: it and the libraries only it brings
/// (librttopo, libxml2, ICU, FreeXL, minizip) cost every process about
/// 3.5 ms to load, and most commands never need it.

/// NULL when SpatiaLite is loaded (or loads now), else why it cannot be.
const char *landreg_spatialite_problem(void);
/// A SpatiaLite connection cache (NULL when SpatiaLite cannot be loaded).
void *landreg_spatialite_alloc_connection(void);
/// SpatiaLite's SQL functions on a connection, with its cache (nothing when it cannot be loaded).
void landreg_spatialite_init_ex(struct sqlite3 *db, const void *cache, int verbose);
void landreg_spatialite_cleanup_ex(const void *cache);

#endif
