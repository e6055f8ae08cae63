/* docpipe/extract.h compiles first, alone (it includes what it needs). */
#include "docpipe/extract.h"

int headertest_extract(void);
int headertest_extract(void) { return DOCPIPE_VERSION > 0; }
