# Databricks notebook source
# MAGIC %md
# MAGIC # Clean notebook full of look-alikes (SYNTHETIC)
# MAGIC Codes, counts, versions and ids that look like identifiers but are not PHI.
# MAGIC phisafe must report nothing here.

# COMMAND ----------

# MAGIC %pip install pyspark==3.5.1 pandas==2.2.2 numpy==1.26.4

# COMMAND ----------

from pyspark.sql import functions as F

# Reference codes: ICD-10 E11.9 (type 2 diabetes), I10 (hypertension), CPT 99213, LOINC 4548-4 (HbA1c),
# SNOMED CT 44054006, DRG 637, NDC 0002-3227-30, OMOP concept_id 201826.
DIABETES_CONCEPTS = [201826, 443238, 4193704]
HBA1C_LOINC = "4548-4"
BILLING_PROVIDER_NPI = "1234567893"  # the CMS sample NPI from the NPI check-digit documentation

# COMMAND ----------

# Query bounds and run metadata
START, END = "2023-01-01", "2023-12-31"
RUN_ID = "7f9c2ba4-e88f-11ee-9a3c-0242ac120002"
CHECKSUM = "d41d8cd98f00b204e9800998ecf8427e"
encounters = (
    spark.table("clinical.encounters")
    .where(F.col("admit_date").between(START, END))
    .where(F.col("icd10_code").isin("E11.9", "E11.65", "I10"))
)
print(f"{encounters.count()} encounters between {START} and {END}; loaded at 2024-01-15T10:30:00Z on port 8080")

# COMMAND ----------

# MAGIC %sql
# MAGIC SELECT drg_code, COUNT(*) AS n, ROUND(AVG(length_of_stay), 1) AS avg_los
# MAGIC FROM clinical.encounters
# MAGIC WHERE admit_date >= '2023-01-01' AND drg_code IN ('637', '638', '639')
# MAGIC GROUP BY drg_code
# MAGIC LIMIT 100
