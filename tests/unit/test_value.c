/* Metadata values: kinds, sorted maps, ownership, tolerant accessors. */
#include "docpipe/docpipe.h"
#include "harness.h"

static void test_strings(void) {
  docpipe_value *s = docpipe_value_new_string("Quye\xCC\x82\xCC\x81t \xC4\x91i\xCC\xA3nh");
  OK(s != NULL, "string from NFD");
  STR_EQ(docpipe_value_string(s), "Quyết định", "normalised to NFC");
  INT_EQ(docpipe_value_kind_of(s), DOCPIPE_VALUE_STRING, "kind");
  INT_EQ(docpipe_value_count(s), 0, "a string has no items");
  OK(docpipe_value_new_string("\xC0\x80") == NULL, "overlong NUL refused");
  OK(docpipe_value_new_string(NULL) == NULL, "NULL refused");
  docpipe_value_free(s);
}

static void test_maps_sorted(void) {
  docpipe_value *m = docpipe_value_new_map();
  INT_EQ(docpipe_value_set_string(m, "title", "T"), 0, "set title");
  INT_EQ(docpipe_value_set_string(m, "authors", "A"), 0, "set authors");
  INT_EQ(docpipe_value_set_string(m, "date", "2020-07-16"), 0, "set date");
  INT_EQ(docpipe_value_set_string(m, "title", "T2"), 0, "replace title");
  INT_EQ(docpipe_value_count(m), 3, "three keys");
  STR_EQ(docpipe_value_key_at(m, 0), "authors", "sorted 0");
  STR_EQ(docpipe_value_key_at(m, 1), "date", "sorted 1");
  STR_EQ(docpipe_value_key_at(m, 2), "title", "sorted 2");
  STR_EQ(docpipe_meta_string(m, "title"), "T2", "replaced value");
  INT_EQ(docpipe_value_set_string(m, "", "x"), DOCPIPE_EINVAL, "empty key refused");
  INT_EQ(docpipe_value_set_string(m, "x", "\xFF"), DOCPIPE_EINVAL, "invalid value refused");
  docpipe_value_remove(m, "date");
  OK(docpipe_value_get(m, "date") == NULL, "removed");
  docpipe_value_remove(m, "absent");
  INT_EQ(docpipe_value_count(m), 2, "remove of absent key is harmless");
  docpipe_value *taken = docpipe_value_take(m, "title");
  STR_EQ(docpipe_value_string(taken), "T2", "take returns the value");
  docpipe_value_free(taken);
  docpipe_value_free(m);
}

static void test_lists_and_records(void) {
  docpipe_value *meta = docpipe_value_new_map();
  docpipe_value *authors = docpipe_value_new_list();
  docpipe_value_append_string(authors, "Cầm Thi Giang");
  docpipe_value_append_string(authors, "Thành Phú");
  docpipe_value_set(meta, DOCPIPE_META_AUTHORS, authors);
  INT_EQ(docpipe_meta_list_count(meta, "authors"), 2, "two authors");
  STR_EQ(docpipe_meta_list_item(meta, "authors", 1), "Thành Phú", "second author");
  OK(docpipe_meta_list_item(meta, "authors", 2) == NULL, "past the end");

  docpipe_value_set_string(meta, "tags", "dân vận");
  INT_EQ(docpipe_meta_list_count(meta, "tags"), 1, "a string reads as a one-item list");
  STR_EQ(docpipe_meta_list_item(meta, "tags", 0), "dân vận", "tolerant item");

  docpipe_value *decisions = docpipe_value_new_list();
  docpipe_value *rec = docpipe_value_new_map();
  docpipe_value_set_string(rec, "code", "290-QĐ/TW");
  docpipe_value_set_string(rec, "type", "Quyết định");
  docpipe_value_append(decisions, rec);
  docpipe_value_set(meta, DOCPIPE_META_DECISIONS, decisions);
  docpipe_value *copy = docpipe_value_copy(meta);
  OK(docpipe_value_equal(meta, copy), "deep copy equal");
  docpipe_value_set_string(docpipe_value_at(docpipe_value_get(copy, "decisions"), 0), "code", "x");
  OK(!docpipe_value_equal(meta, copy), "copy is independent");
  STR_EQ(docpipe_meta_string(docpipe_value_at(decisions, 0), "code"), "290-QĐ/TW", "original kept");
  INT_EQ(docpipe_value_append(meta, docpipe_value_new_string("x")), DOCPIPE_EINVAL,
         "append to a map refused (and the item freed)");
  INT_EQ(docpipe_value_set(authors, "k", docpipe_value_new_string("x")), DOCPIPE_EINVAL,
         "set on a list refused (and the value freed)");
  docpipe_value_free(copy);
  docpipe_value_free(meta);
}

static void test_iso_dates(void) {
  OK(docpipe_date_iso_valid("2020-07-16"), "date");
  OK(docpipe_date_iso_valid("2019-12-27T13:44:00+07:00"), "date time offset");
  OK(docpipe_date_iso_valid("2019-12-27T13:44"), "date hh:mm");
  OK(docpipe_date_iso_valid("2019-12-27T13:44:00Z"), "Z");
  OK(docpipe_date_iso_valid("2024-02-29"), "leap day");
  OK(!docpipe_date_iso_valid("2023-02-29"), "not a leap year");
  OK(!docpipe_date_iso_valid("2020-13-01"), "month 13");
  OK(!docpipe_date_iso_valid("16/07/2020"), "day-first is not ISO");
  OK(!docpipe_date_iso_valid("2020-07-16T25:00"), "hour 25");
  OK(!docpipe_date_iso_valid("2020-07-16 "), "trailing space");
  OK(!docpipe_date_iso_valid(NULL), "NULL");
}

int main(void) {
  RUN(test_strings);
  RUN(test_maps_sorted);
  RUN(test_lists_and_records);
  RUN(test_iso_dates);
  return harness_summary();
}
