#include "SpatiaLiteLoader.h"
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>

static struct {
    void (*init_ex)(struct sqlite3 *, const void *, int);
    void *(*alloc_connection)(void);
    void (*cleanup_ex)(const void *);
    const char *error;
} loaded;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    const char *names[] = {"libspatialite.so.7", "libspatialite.so.8", "libspatialite.so"};
    void *handle = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !handle; i++) handle = dlopen(names[i], RTLD_NOW | RTLD_GLOBAL);
    if (!handle) {
        loaded.error = dlerror();
        if (!loaded.error) loaded.error = "libspatialite.so.7 not found";
        return;
    }
    loaded.init_ex = (void (*)(struct sqlite3 *, const void *, int))dlsym(handle, "spatialite_init_ex");
    loaded.alloc_connection = (void *(*)(void))dlsym(handle, "spatialite_alloc_connection");
    loaded.cleanup_ex = (void (*)(const void *))dlsym(handle, "spatialite_cleanup_ex");
    if (!loaded.init_ex || !loaded.alloc_connection || !loaded.cleanup_ex) {
        loaded.init_ex = NULL;
        loaded.error = "libspatialite has no spatialite_init_ex, spatialite_alloc_connection or spatialite_cleanup_ex";
    }
}

const char *landreg_spatialite_problem(void) {
    pthread_once(&once, load);
    return loaded.init_ex ? NULL : loaded.error;
}

void *landreg_spatialite_alloc_connection(void) {
    return landreg_spatialite_problem() ? NULL : loaded.alloc_connection();
}

void landreg_spatialite_init_ex(struct sqlite3 *db, const void *cache, int verbose) {
    if (!landreg_spatialite_problem()) loaded.init_ex(db, cache, verbose);
}

void landreg_spatialite_cleanup_ex(const void *cache) {
    if (!landreg_spatialite_problem()) loaded.cleanup_ex(cache);
}
