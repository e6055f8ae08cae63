#include "internal.h"

int docpipe_version(void) { return DOCPIPE_VERSION; }
const char *docpipe_version_string(void) { return DOCPIPE_VERSION_STRING; }
