"""Common first names by gender, for resolving "he"/"she" to the right person (a hint, never a rule)."""

from __future__ import annotations

# fmt: off
FEMALE_NAMES = """
Mary Anna Ann Anne Maria Sarah Emma Olivia Sophie Laura Julia Elena Elizabeth Jane Susan Linda Karen
Lisa Nancy Emily Hannah Claire Grace Alice Rachel Rebecca Helen Catherine Kate Amy Jessica Jennifer
Michelle Priya Fatima Aisha Zoë Zoe Ingrid Marta Lucia Sofia Ana Nadia Olga Irina Yuki Mei Leila
Chloe Ursula Kamala Angela Theresa Giorgia Nicola Jacinda Christine Janet Hillary Marine Annalena
Svetlana Natalia Beatriz Carmen Isabel Margaret Patricia Barbara Dorothy Ruth Sandra Donna Carol
Sharon Deborah Amelia Isla Ava Mia Lily Ella Freya Harriet Lucy Agnieszka Katarzyna Magdalena
Małgorzata Ewa Paula Kristalina Tsai Mette Sanna Kaja Giulia Francesca Chiara Ines Inés Rosa Elif
Ayşe Noor Yasmin Amira Sara Mariam Meera Anjali Sunita Ngozi Amina Hana Mina Greta Marie Louise
Camille Léa Manon Nora Lena Nina Eva Vera Tanya Rita Diana Monica Joanna Joanne Sophia Victoria
Charlotte Caroline Heather Megan Lauren Kimberly Stephanie Melissa Andrea Veronica Valentina Daria
Yulia Oksana Zeynep Hina Keiko Sakura Ji-woo Precious Esther Miriam Naomi Judith Tamara Harriet Ruby
Jade Kirsty Fiona Siobhan Aoife Brigitte Ilse Annika
"""
FEMALE = frozenset(FEMALE_NAMES.split())
MALE_NAMES = """
John James Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Mark Paul Peter
George Steven Andrew Kevin Brian Tom Ben Jack Harry Oliver Lukas Luca Marco Carlos Juan Jose José
Pedro Ahmed Mohammed Muhammad Ali Omar Hassan Ivan Dmitry Sergei Sergey Vladimir Olaf Emmanuel Rishi
Keir Boris Joe Donald Barack Xi Narendra Rahul Amit Raj Hans Klaus Jürgen Pierre Jean François
Antony Anthony Lloyd Jerome Christopher Jonathan Stephen Simon Martin Alexander Alexei Nikolai Yusuf
Kenji Hiroshi Wei Liam Noah Ethan Lucas Hugo Felix Viktor Volodymyr Benjamin Recep Tayyip Jan Piotr
Tomasz Krzysztof Andrzej Mateusz Giuseppe Giovanni Antonio Francesco Miguel Luis Luiz Jorge Diego
Javier Rafael Mehmet Mustafa Ibrahim Khalid Abdullah Tariq Imran Arjun Vikram Sanjay Takeshi Hiroshi
Sven Erik Lars Henrik Nils Bruno Emil Karl Fritz Otto Max Moritz Leon Finn Theo Arthur Louis Henry
Edward Frank Gary Larry Scott Eric Justin Ryan Jacob Nathan Adam Aaron Samuel Patrick Sean Shane
Dennis Walter Roger Gerald Keith Ralph Elon Jeff Bill Tim
"""
MALE = frozenset(MALE_NAMES.split())
# fmt: on
