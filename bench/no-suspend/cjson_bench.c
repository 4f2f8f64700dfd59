/* cjson_bench.c - the no-suspend benchmark's driver for cJSON (vendored
 * under third_party/cjson, MIT). run.sh appends it to cJSON.c (the original,
 * built with plain clang-19) and asyncify.py makes the whole text async
 * (main blocks on what it calls). A round parses a generated 50 KiB
 * document of records, looks fields up and sums them, and deletes the tree
 * (p), or prints a parsed tree formatted and unformatted (s).
 *   cjson_bench MODE ROUNDS     MODE: p (parse) or s (print) */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cJSON.h" /* the code itself comes before this file */

#define RECORDS 400

static char doc[RECORDS * 256];

/* An array of records with strings, numbers, booleans, a nested object and
 * an array, like an API's answer; deterministic. */
static void fill(void) {
  static const char *const names[] = {"alpha", "beta", "gamma", "delta",
                                      "epsilon", "zeta \\\"quoted\\\"",
                                      "eta\\n", "theta \\u00e9"};
  uint32_t r = 12345;
  size_t n = 0;
  n += (size_t)sprintf(doc + n, "{\"version\": 3, \"records\": [");
  for (int i = 0; i < RECORDS; i++) {
    r = r * 1103515245u + 12345u;
    n += (size_t)sprintf(
        doc + n,
        "%s{\"id\": %d, \"name\": \"%s\", \"score\": %u.%02u, \"active\": "
        "%s, \"pos\": {\"x\": %d, \"y\": %d}, \"tags\": [%u, %u, %u], "
        "\"note\": null}",
        i ? ", " : "", i, names[(r >> 16) % 8], (r >> 8) % 1000, r % 100,
        (r >> 4) & 1 ? "true" : "false", (int)((r >> 3) % 2001) - 1000,
        (int)((r >> 5) % 2001) - 1000, r % 7, (r >> 7) % 11, (r >> 9) % 13);
  }
  sprintf(doc + n, "]}\n");
}

/* Parses the document, walks the records, deletes the tree. */
static double parse_round(void) {
  cJSON *root = cJSON_Parse(doc);
  if (root == NULL)
    return -1;
  double sum = cJSON_GetObjectItemCaseSensitive(root, "version")->valuedouble;
  cJSON *records = cJSON_GetObjectItemCaseSensitive(root, "records");
  cJSON *rec;
  cJSON_ArrayForEach(rec, records) {
    sum += cJSON_GetObjectItemCaseSensitive(rec, "score")->valuedouble;
    cJSON *pos = cJSON_GetObjectItem(rec, "pos");
    sum += cJSON_GetObjectItem(pos, "x")->valueint -
           cJSON_GetObjectItem(pos, "y")->valueint;
    if (cJSON_IsTrue(cJSON_GetObjectItem(rec, "active")))
      sum += cJSON_GetArraySize(cJSON_GetObjectItem(rec, "tags"));
    sum += (double)strlen(cJSON_GetStringValue(cJSON_GetObjectItem(rec, "name")));
  }
  cJSON_Delete(root);
  return sum;
}

/* Prints the tree formatted and unformatted; the lengths. */
static size_t print_round(const cJSON *root) {
  char *a = cJSON_Print(root), *b = cJSON_PrintUnformatted(root);
  size_t n = strlen(a) * 3 + strlen(b) + (unsigned char)a[strlen(a) / 2];
  cJSON_free(a);
  cJSON_free(b);
  return n;
}

int main(int argc, char **argv) {
  char mode = argc > 1 ? argv[1][0] : 'p';
  long rounds = argc > 2 ? atol(argv[2]) : 10;
  fill();
  cJSON *tree = cJSON_Parse(doc);
  double sum = 0;
  for (long i = 0; i < rounds; i++)
    sum += mode == 'p' ? parse_round() : (double)print_round(tree);
  cJSON_Delete(tree);
  printf("mode %c rounds %ld document %zu sum %.2f\n", mode, rounds,
         strlen(doc), sum);
  return 0;
}
