/* The public headers compile alone under -std=c11 -pedantic -Werror. */
#include "docpipe/docpipe.h"
#include "docpipe/extract.h"
#include "docpipe/plugin.h"

int main(void) { return docpipe_version() == DOCPIPE_VERSION ? 0 : 1; }
