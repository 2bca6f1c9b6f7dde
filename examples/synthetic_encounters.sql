-- SYNTHETIC example for phisafe: every identifier below is invented.
-- Pulled for patient James Smith, MRN 40029918, after the duplicate admit.
SELECT e.encounter_id, e.admit_date, e.discharge_date
FROM clinical.encounters AS e
WHERE e.mrn = '40029918'
  AND e.birth_date = DATE '1948-11-02';
