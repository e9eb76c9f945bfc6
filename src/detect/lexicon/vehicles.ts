/**
 * Makes of cars and motorcycles as rulings write them: a word right after one
 * is its model ("VW Amarok", "Yamaha YBR 125"), never a plate or a person.
 */
export const VEHICLE_MAKES = String.raw`Yamaha|Honda|Suzuki|Kawasaki|Motomel|Gilera|Zanella|Corven|Mondial|Guerrero|Keller|Bajaj|Benelli|Kymco|KTM|BMW|Ducati|Beta|Jawa|Siam|Ford|Fiat|Renault|Chevrolet|Peugeot|Volkswagen|VolksWagen|VW|Toyota|Citro[ëe]n|Nissan|Hyundai|Kia|Audi|Mercedes(?:[ \t]+Benz)?|Iveco|Scania|Jeep|Chery|Dodge|RAM`
