# Writes OUTPUT: a C++ array kEmbeddedMigrations of {number, name, sql} from the numbered .sql
# files given in MIGRATIONS (a ;-list in apply order).
set(content "// Generated from src/store/migrations/*.sql by embed_migrations.cmake. Do not edit.\n")
string(APPEND content "constexpr Migration kEmbeddedMigrations[] = {\n")
foreach(file IN LISTS MIGRATIONS)
  get_filename_component(name ${file} NAME_WE)
  string(REGEX MATCH "^[0-9]+" number ${name})
  math(EXPR number "${number}")
  file(READ ${file} sql)
  string(APPEND content "    {${number}, \"${name}\", R\"amity_sql(${sql})amity_sql\"},\n")
endforeach()
string(APPEND content "};\n")
file(WRITE ${OUTPUT}.tmp "${content}")
file(COPY_FILE ${OUTPUT}.tmp ${OUTPUT} ONLY_IF_DIFFERENT)
