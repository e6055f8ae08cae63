/* The docx plugin descriptor. */
#include "docx.h"

static const docpipe_plugin S_plugin = {
    .abi_version = DOCPIPE_ABI_VERSION,
    .name = "docx",
    .version = "0.1.0",
    .description = "Office Open XML word-processing documents (Word, LibreOffice)",
    .extensions = "docx",
    .mime_types = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    .flags = DOCPIPE_PLUGIN_BINARY,
    .probe = docx_probe,
    .read = docx_read,
    .write = docx_write,
};

DOCPIPE_PLUGIN_ENTRY const docpipe_plugin *docpipe_plugin_entry(void) { return &S_plugin; }
