-- What a buyer wrote on the public portal's inquiry form (api/inquiries.cpp), kept with the lead
-- it became: personal data like the inquirer's contact, never shared or shown publicly.
ALTER TABLE leads ADD COLUMN inquiry_message TEXT;
