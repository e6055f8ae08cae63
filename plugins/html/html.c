/* The html plugin descriptor. */
#include "html.h"

static const docpipe_plugin S_plugin = {
    .abi_version = DOCPIPE_ABI_VERSION,
    .name = "html",
    .version = "0.1.0",
    .description = "HTML: article extraction from scraped web pages; clean HTML5 output",
    .extensions = "html,htm,xhtml",
    .mime_types = "text/html,application/xhtml+xml",
    .flags = DOCPIPE_PLUGIN_NO_PADDING, /* html_read goes by `size` only: no copy of the page */
    .probe = html_probe,
    .read = html_read,
    .write = html_write,
};

DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void) { return &S_plugin; }
